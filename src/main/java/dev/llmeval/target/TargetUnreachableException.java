package dev.llmeval.target;

import java.io.IOException;

/**
 * Thrown by a target that cannot be reached at all (a command that died, a server that refuses
 * connections). {@link TargetRunner} turns it into exit status 4 when the first call throws it;
 * Java targets may throw it too.
 */
public class TargetUnreachableException extends IOException {
    private static final long serialVersionUID = 1L;

    public TargetUnreachableException(String message) {
        super(message);
    }
}
