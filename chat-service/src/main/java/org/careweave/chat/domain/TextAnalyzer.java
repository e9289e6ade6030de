package org.careweave.chat.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Splits a message into sentences of {@link Token}s with Apache OpenNLP's English UD-EWT models. The models are
 * read once from the classpath and shared; OpenNLP's taggers are not thread-safe, so each thread gets its own.
 */
public final class TextAnalyzer {

    private static final String SENTENCES = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
    private static final String TOKENS = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String TAGS = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static final String LEMMAS = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";
    /** The lemmatizer costs milliseconds per sentence; a word's lemma given its tag rarely depends on more. */
    private static final int MAX_CACHED_LEMMAS = 100_000;

    private final SentenceModel sentenceModel;
    private final TokenizerModel tokenizerModel;
    private final POSModel tagModel;
    private final LemmatizerModel lemmaModel;
    private final Spelling spelling;
    private final ThreadLocal<Pipeline> pipelines = ThreadLocal.withInitial(this::pipeline);
    private final Map<String, String> lemmas = new ConcurrentHashMap<>();

    public TextAnalyzer(Spelling spelling) {
        this.spelling = spelling;
        try (InputStream sentences = model(SENTENCES); InputStream tokens = model(TOKENS); InputStream tags = model(TAGS);
                InputStream lemmaStream = model(LEMMAS)) {
            this.sentenceModel = new SentenceModel(sentences);
            this.tokenizerModel = new TokenizerModel(tokens);
            this.tagModel = new POSModel(tags);
            this.lemmaModel = new LemmatizerModel(lemmaStream);
        } catch (IOException e) {
            throw new UncheckedIOException("OpenNLP English models unreadable", e);
        }
    }

    public List<List<Token>> sentences(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC).replace('’', '\'').replace('‘', '\'')
                .replace('“', '"').replace('”', '"');
        Pipeline pipeline = pipelines.get();
        List<List<Token>> sentences = new ArrayList<>();
        for (String sentence : pipeline.sentences.sentDetect(plain)) {
            String[] words = spelling.normalise(pipeline.tokenizer.tokenize(sentence));
            if (words.length == 0) {
                continue;
            }
            String[] tags = pipeline.tagger.tag(words);
            List<Token> tokens = new ArrayList<>(words.length + 4);
            for (int i = 0; i < words.length; i++) {
                addTokens(tokens, words[i], tags[i], lemma(pipeline, words[i], tags[i]));
            }
            sentences.add(tokens);
        }
        return sentences;
    }

    /** The models tag "im" as PRON+AUX with lemma "i+be": one token per part, so "im" matches like "i am". */
    private static void addTokens(List<Token> tokens, String word, String tag, String lemma) {
        String[] lemmaParts = lemma.split("\\+");
        String[] tagParts = tag.split("\\+");
        if (lemmaParts.length < 2 || lemmaParts.length != tagParts.length) {
            tokens.add(new Token(word, tag, lemma.isEmpty() ? word : lemma));
            return;
        }
        for (int i = 0; i < lemmaParts.length; i++) {
            tokens.add(new Token(i == 0 ? word : lemmaParts[i], tagParts[i], lemmaParts[i]));
        }
    }

    private String lemma(Pipeline pipeline, String word, String tag) {
        String key = word + '\u0000' + tag;
        String cached = lemmas.get(key);
        if (cached != null) {
            return cached;
        }
        String lemma = pipeline.lemmatizer.lemmatize(new String[] {word}, new String[] {tag})[0].toLowerCase();
        if ("O".equals(lemma) || "_".equals(lemma)) {
            lemma = word;
        }
        if (lemmas.size() < MAX_CACHED_LEMMAS) {
            lemmas.put(key, lemma);
        }
        return lemma;
    }

    private Pipeline pipeline() {
        return new Pipeline(new SentenceDetectorME(sentenceModel), new TokenizerME(tokenizerModel),
                new POSTaggerME(tagModel), new LemmatizerME(lemmaModel));
    }

    private static InputStream model(String name) throws IOException {
        InputStream in = TextAnalyzer.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("OpenNLP model not on the classpath: " + name);
        }
        return in;
    }

    private record Pipeline(SentenceDetectorME sentences, TokenizerME tokenizer, POSTaggerME tagger,
            LemmatizerME lemmatizer) {
    }
}
