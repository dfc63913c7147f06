package org.pobox.node.launcher;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.opensearch.index.analysis.AbstractIndexAnalyzerProvider;
import org.opensearch.index.analysis.AbstractTokenFilterFactory;
import org.opensearch.index.analysis.AnalyzerProvider;
import org.opensearch.index.analysis.TokenFilterFactory;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Lucene's smartcn (HMM word segmentation for Simplified Chinese) as analyzer {@code smartcn},
 * tokenizer {@code smartcn_tokenizer} and token filter {@code smartcn_stop} (smartcn's own stop set:
 * punctuation): the same names Elasticsearch's analysis-smartcn plugin uses, so mappings work
 * unchanged on both engines (the letters mapping rebuilds the smartcn analyzer from the last two to
 * put its character filters in front). OpenSearch ships no such plugin to Maven Central.
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

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("smartcn_stop", (indexSettings, environment, name, settings) ->
                new AbstractTokenFilterFactory(indexSettings, name, settings) {
                    @Override
                    public TokenStream create(TokenStream in) {
                        return new StopFilter(in, SmartChineseAnalyzer.getDefaultStopSet());
                    }
                });
    }
}
