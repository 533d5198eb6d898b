package dev.seedverify.reports.campaign;

/** A setting of a campaign's configuration that cannot be used; {@link #setting()} names it (a dotted path). */
public class SettingsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    public SettingsException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting's path in the configuration, e.g. {@code suites.property campaign.programs} or {@code weights}. */
    public String setting() { return setting; }
}
