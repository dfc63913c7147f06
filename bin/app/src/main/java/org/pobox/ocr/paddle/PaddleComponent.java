package org.pobox.ocr.paddle;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code paddle:} component: PaddleOCR on ONNX Runtime. Found by Camel through
 * {@code META-INF/services/org/apache/camel/component/paddle}, so a route can say
 * {@code to: paddle:read?workers=2} without registration code.
 */
@Component("paddle")
public class PaddleComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PaddleEndpoint endpoint = new PaddleEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
