package org.pobox.ocr.paddle;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/** One ONNX model with a single float input and output, on one thread (workers give the parallelism). */
final class OnnxModel implements AutoCloseable {

    /** A model's output: the flat values and their shape. */
    record Output(float[] values, long[] shape) {
    }

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String input;

    OnnxModel(Path file) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            // Input shapes change with every page and line, so a memory pattern per shape only grows
            // RSS: peak 1.39 GB with it, 1.06 GB without (bench/paddle-bench.sh, 2 workers). The CPU
            // arena stays on: without it the peak was 1.45 GB.
            options.setMemoryPatternOptimization(false);
            session = env.createSession(file.toString(), options);
        }
        input = session.getInputNames().iterator().next();
    }

    Output run(float[] data, long... shape) throws OrtException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            OnnxTensor out = (OnnxTensor) result.get(0);
            FloatBuffer buffer = out.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return new Output(values, out.getInfo().getShape());
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing an ONNX session failed", e);
        }
    }
}
