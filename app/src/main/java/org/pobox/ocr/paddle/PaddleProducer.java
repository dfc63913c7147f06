package org.pobox.ocr.paddle;

import java.awt.image.BufferedImage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.pobox.letter.Headers;

/**
 * Body in: one page as a {@link BufferedImage}; body out: its {@link org.pobox.ocr.PageText}.
 * Fails with {@link PaddleException} (or its {@link PaddleTimeoutException}) so a route can send
 * the page to Tesseract instead.
 */
public class PaddleProducer extends DefaultProducer {

    private final PaddleEndpoint endpoint;

    public PaddleProducer(PaddleEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (!(body instanceof BufferedImage image)) {
            throw new IllegalArgumentException("paddle: body of exchange " + exchange.getExchangeId()
                    + " must be a java.awt.image.BufferedImage, was " + (body == null ? "null" : body.getClass().getName()));
        }
        PaddlePage page = endpoint.pool().readPage(image, endpoint.getConfiguration().getTimeoutMs());
        in.setHeader(Headers.PADDLE_PAGE, page);
        in.setBody(page.toPageText());
    }
}
