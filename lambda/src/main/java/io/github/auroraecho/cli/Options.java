package io.github.auroraecho.cli;

import io.github.auroraecho.lifecycle.InvalidInputException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

/** What every command's hand-written argument loop shares: option values and the endpoint URL. */
final class Options {
    private Options() {
    }

    /** The value after an option, or an error naming the option when the arguments end there. */
    static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new InvalidInputException(option + " needs a value");
        }
        return args.get(index);
    }

    static URI endpoint(String value) {
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new InvalidInputException("--endpoint must be an http(s) URL, not " + value);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("--endpoint must be an http(s) URL, not " + value);
        }
    }

    static InvalidInputException unknown(String arg, String command) {
        return new InvalidInputException("unknown option \"" + arg + "\" (see aurora-echo " + command + " --help)");
    }
}
