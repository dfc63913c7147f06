package org.pobox.ocr.tesseract;

import java.awt.image.BufferedImage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;
import org.pobox.letter.Headers;
import org.pobox.ocr.PageText;

/**
 * Body in: one page as a {@link BufferedImage}; body out: its {@link PageText}. Headers are left
 * as they are. Each calling thread borrows an engine from the endpoint's pool, so exchanges from
 * several route threads are read in parallel, up to {@code workers}.
 */
public class TesseractProducer extends DefaultProducer {

    private final TesseractEndpoint endpoint;

    public TesseractProducer(TesseractEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String page = describePage(exchange);
        Object body = in.getBody();
        if (!(body instanceof BufferedImage image)) {
            throw new IllegalArgumentException("tesseract: " + page + ": body must be a java.awt.image.BufferedImage, was "
                    + (body == null ? "null" : body.getClass().getName()));
        }
        TesseractPage text;
        try {
            text = endpoint.pool().readPage(image, in.getHeader(Headers.DPI, 0, Integer.class));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        } catch (RuntimeException e) {
            throw new OcrFailedException("tesseract could not read " + page + ": " + e.getMessage(), e);
        }
        in.setHeader(Headers.TESSERACT_PAGE, text);
        in.setBody(text.pageText());
    }

    private static String describePage(Exchange exchange) {
        Object page = exchange.getMessage().getHeader(Headers.PAGE_IMAGE);
        if (page != null) {
            return page.toString();
        }
        Object file = exchange.getMessage().getHeader(Exchange.FILE_NAME);
        return file != null ? file + " (exchange " + exchange.getExchangeId() + ")" : "page of exchange " + exchange.getExchangeId();
    }
}
