package dev.llmeval.app;

import dev.llmeval.ExitStatus;
import dev.llmeval.LlmevalException;
import dev.llmeval.config.EvalConfig;
import dev.llmeval.config.TargetConfig;
import dev.llmeval.provider.ModelSettings;
import dev.llmeval.provider.Providers;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a config file may not do on its own, because a pull request can change it (see
 * docs/ci.md): send a secret to a host of its choosing, or run a program. The command line (flags,
 * and {@value #HOSTS_VARIABLE} in the environment) decides: a URL given by a flag, or a host named
 * by {@code --allow-host} or the variable, may receive a key or a {@code ${VAR}} header; a
 * provider's own public endpoint always may; a command or Java target from the file needs
 * {@code --allow-config-commands}. A refusal is a usage error (exit 2) naming the setting, with
 * the file and line.
 */
final class TrustPolicy {

    static final String HOSTS_VARIABLE = "LLMEVAL_ALLOWED_HOSTS";
    static final String ALLOW_HOST = "--allow-host";
    static final String ALLOW_COMMANDS = "--allow-config-commands";

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Set<String> hosts;
    private final boolean configCommands;
    private final EvalConfig config;

    private TrustPolicy(Set<String> hosts, boolean configCommands, EvalConfig config) {
        this.hosts = hosts;
        this.configCommands = configCommands;
        this.config = config;
    }

    static TrustPolicy of(RunRequest.TrustFlags flags, EvalConfig config, Map<String, String> env) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : flags.allowHosts()) {
            hosts.add(hostName(host, ALLOW_HOST));
        }
        String fromEnv = env.get(HOSTS_VARIABLE);
        if (fromEnv != null) {
            for (String host : fromEnv.split("[,\\s]+")) {
                if (!host.isBlank()) {
                    hosts.add(hostName(host, HOSTS_VARIABLE));
                }
            }
        }
        return new TrustPolicy(hosts, flags.allowConfigCommands(), config);
    }

    /** A bare host name, lower case: {@code rag.example.com}; a URL or a port is a usage error. */
    private static String hostName(String value, String where) {
        String host = value.strip().toLowerCase(Locale.ROOT);
        if (!host.matches("[a-z0-9.\\-]+|\\[[0-9a-f:.]+]")) {
            throw new LlmevalException(ExitStatus.USAGE, where + ": '" + value + "' is not a host name"
                    + " (give the host alone, e.g. rag.example.com, without scheme, port or path)");
        }
        return host;
    }

    /**
     * Checks that the judge's and the embedding model's keys go only to allowed hosts.
     *
     * @param judgeUrlFlag whether the judge's base URL came from {@code --judge-base-url}
     */
    void checkModels(RunSettings settings, boolean judgeUrlFlag, Map<String, String> env) {
        if (settings.judge() != null && !judgeUrlFlag) {
            checkKey("judge", settings.judge(), "judge.base-url", env);
        }
        boolean ownEmbeddingsUrl = config.embeddings().baseUrl() != null;
        if (ownEmbeddingsUrl || !judgeUrlFlag) {
            checkKey("embedding model", settings.embeddings(),
                    ownEmbeddingsUrl ? "embeddings.base-url" : "judge.base-url", env);
        }
    }

    private void checkKey(String role, ModelSettings model, String setting, Map<String, String> env) {
        Optional<String> key = Providers.keySentToBaseUrl(model, env);
        String host = key.isEmpty() ? null : Providers.host(model.baseUrl());
        if (host != null && !hosts.contains(host)) {
            throw refused(setting, "the " + role + "'s API key (" + key.get() + ") would be sent to " + host
                    + ", a host that neither the command line nor " + HOSTS_VARIABLE + " allows; pass "
                    + ALLOW_HOST + " " + host + " if you trust it");
        }
    }

    /**
     * Checks the target: a command or class from the config file needs {@value #ALLOW_COMMANDS};
     * a header that reads the environment goes only to a URL from the command line or an allowed host.
     */
    void checkTarget(String kind, RunRequest.TargetFlags flags, TargetConfig file) {
        if (!configCommands) {
            if (kind.equals("command") && flags.command() == null && file.command() != null) {
                throw refused("target.command", "the config file asks to run the command '" + file.command()
                        + "'; a config file may come from a pull request, so pass " + ALLOW_COMMANDS
                        + " to run it (or give --target-command)");
            }
            if (kind.equals("java") && flags.className() == null && file.className() != null) {
                throw refused("target.class", "the config file asks to load the class " + file.className()
                        + "; a config file may come from a pull request, so pass " + ALLOW_COMMANDS
                        + " to load it (or give --target-class)");
            }
            if (kind.equals("java") && flags.classpath() == null && !file.classpath().isEmpty()) {
                throw refused("target.classpath", "the config file asks to load code from " + file.classpath()
                        + "; a config file may come from a pull request, so pass " + ALLOW_COMMANDS
                        + " to load it (or give --target-classpath)");
            }
        }
        String url = flags.url() != null ? flags.url() : file.url();
        if (!kind.equals("http") || url == null) {
            return;
        }
        for (Map.Entry<String, String> header : headers(flags, file).entrySet()) {
            Matcher variable = VARIABLE.matcher(header.getValue());
            if (variable.find()) {
                checkSecretHost(url, flags.url() != null, "the target header " + header.getKey()
                        + " would send the environment variable " + variable.group(1));
                return;
            }
        }
    }

    /** A URL that receives a secret: its host must not come from the golden set, and from the file only if allowed. */
    private void checkSecretHost(String url, boolean fromFlag, String what) {
        int start = url.indexOf("://");
        int end = url.indexOf('/', start < 0 ? 0 : start + 3);
        String authority = url.substring(start < 0 ? 0 : start + 3, end < 0 ? url.length() : end);
        if (authority.contains("{{")) {
            String problem = what + " to a host filled in from each sample ('" + authority + "'), which the"
                    + " golden set would choose; write the host out";
            throw fromFlag ? new LlmevalException(ExitStatus.USAGE, "--target-url: " + problem)
                    : refused("target.url", problem);
        }
        String host = Providers.host(url.replace("{{", "").replace("}}", ""));
        if (fromFlag || host == null || hosts.contains(host)) {
            return;
        }
        throw refused("target.url", what + " to " + host + ", a host that neither the command line nor "
                + HOSTS_VARIABLE + " allows; pass " + ALLOW_HOST + " " + host + " if you trust it (or give"
                + " --target-url)");
    }

    /** The headers as the target will send them: the file's, then the flags' ({@code Name: value}). */
    private static Map<String, String> headers(RunRequest.TargetFlags flags, TargetConfig file) {
        Map<String, String> headers = new LinkedHashMap<>(file.headers());
        for (String header : flags.headers()) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    private LlmevalException refused(String setting, String problem) {
        return new LlmevalException(ExitStatus.USAGE, config.at(setting) + ": " + setting + ": " + problem);
    }
}
