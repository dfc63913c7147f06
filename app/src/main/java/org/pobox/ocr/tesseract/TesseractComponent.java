package org.pobox.ocr.tesseract;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.pobox.ocr.SharedPools;

/**
 * The {@code tesseract:} component: Apache Camel has none, so pobox brings its own. Found by
 * Camel through {@code META-INF/services/org/apache/camel/component/tesseract}, so a YAML route
 * can say {@code to: tesseract:read?language=chi_sim&workers=2} without any registration code.
 * It holds the engine pools ({@link SharedPools}: why not the endpoints) and the options every
 * endpoint starts from.
 */
@Component("tesseract")
public class TesseractComponent extends DefaultComponent {

    @Metadata(description = "The options every endpoint starts from; its URI parameters override them")
    private TesseractConfiguration configuration = new TesseractConfiguration();

    private final SharedPools<TesseractEnginePool> pools = new SharedPools<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TesseractConfiguration options = configuration.copy();
        setProperties(options, parameters);
        TesseractEndpoint endpoint = new TesseractEndpoint(uri, this, options);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    SharedPools<TesseractEnginePool> pools() {
        return pools;
    }

    public TesseractConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(TesseractConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void doStop() throws Exception {
        pools.closeAll();
        super.doStop();
    }
}
