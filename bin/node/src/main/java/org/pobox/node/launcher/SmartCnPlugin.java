package org.pobox.node.launcher;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Lucene's smartcn (HMM word segmentation for Simplified Chinese) as analyzer {@code smartcn} and
 * tokenizer {@code smartcn_tokenizer}: the same names Elasticsearch's analysis-smartcn plugin uses,
 * so mappings work unchanged on both engines. OpenSearch ships no such plugin to Maven Central.
 */
public class SmartCnPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<AnalyzerProvider<? extends Analyzer>>> getAnalyzers() {
        return Map.of("smartcn", (indexSettings, environment, name, settings) ->
                new AbstractIndexAnalyzerProvider<SmartChineseAnalyzer>(indexSettings, name, settings) {
                    // built once per provider: loading the HMM dictionaries is the expensive part
                    private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();

                    @Override
                    public SmartChineseAnalyzer get() {
                        return analyzer;
                    }
                });
    }

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of("smartcn_tokenizer", (indexSettings, environment, name, settings) ->
                TokenizerFactory.newFactory(name, HMMChineseTokenizer::new));
    }
}
