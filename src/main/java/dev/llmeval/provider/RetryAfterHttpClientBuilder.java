package dev.llmeval.provider;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import java.time.Clock;
import java.time.Duration;

/** Builds {@link RetryAfterHttpClient}; handed to the model builders' {@code httpClientBuilder}. */
final class RetryAfterHttpClientBuilder implements HttpClientBuilder {

    private Duration connectTimeout;
    private Duration readTimeout;

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public RetryAfterHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public RetryAfterHttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        var http = java.net.http.HttpClient.newBuilder();
        if (connectTimeout != null) {
            http.connectTimeout(connectTimeout);
        }
        // the JDK client, found through LangChain4j's service loader (it is a runtime dependency)
        HttpClient fallback = HttpClientBuilderLoader.loadHttpClientBuilder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .build();
        return new RetryAfterHttpClient(http.build(), readTimeout, fallback, Clock.systemUTC());
    }
}
