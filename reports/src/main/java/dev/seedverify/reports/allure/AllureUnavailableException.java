package dev.seedverify.reports.allure;

/** The Allure command line cannot be found or cannot run; the message says where it looked and how to get it. */
public final class AllureUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AllureUnavailableException(String message) { super(message); }

    public AllureUnavailableException(String message, Throwable cause) { super(message, cause); }
}
