package org.pobox.ocr.paddle;

import java.util.Map;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.pobox.ocr.SharedPools;

/**
 * The {@code paddle:} component: PaddleOCR on ONNX Runtime. Found by Camel through
 * {@code META-INF/services/org/apache/camel/component/paddle}, so a route can say
 * {@code to: paddle:read?workers=2} without registration code. It holds the engine pools
 * ({@link SharedPools}: why not the endpoints) and the options every endpoint starts from.
 */
@Component("paddle")
public class PaddleComponent extends DefaultComponent {

    @Metadata(description = "The options every endpoint starts from; its URI parameters override them")
    private PaddleConfiguration configuration = new PaddleConfiguration();

    private final SharedPools<PaddleEnginePool> pools = new SharedPools<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PaddleConfiguration options = configuration.copy();
        setProperties(options, parameters);
        PaddleEndpoint endpoint = new PaddleEndpoint(uri, this, options);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    SharedPools<PaddleEnginePool> pools() {
        return pools;
    }

    public PaddleConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(PaddleConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    protected void doStop() throws Exception {
        pools.closeAll();
        super.doStop();
    }
}
