package dev.seedverify.cli.campaign;

import dev.seedverify.cli.BadInputException;

/** A campaign configuration that cannot be used; the message starts with where ({@code campaign.yaml:12:}) and the setting. */
public final class ConfigException extends BadInputException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) { super(message); }
}
