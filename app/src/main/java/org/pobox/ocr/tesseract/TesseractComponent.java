package org.pobox.ocr.tesseract;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code tesseract:} component: Apache Camel has none, so pobox brings its own. Found by
 * Camel through {@code META-INF/services/org/apache/camel/component/tesseract}, so a YAML route
 * can say {@code to: tesseract:read?language=chi_sim&workers=2} without any registration code.
 */
@Component("tesseract")
public class TesseractComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TesseractEndpoint endpoint = new TesseractEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
