package dev.seedverify.reports.signoff;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Lets a known divergence pass, visibly, until {@code expires}.
 *
 * @param id      unique in its file ({@code W-12})
 * @param bucket  the bucket signature it covers exactly ({@code mulh | rd_wdata | -}), or null
 * @param rule    a glob over bucket signatures ({@code tquant | * | *}; {@code *} any text, {@code ?} one character), or null;
 *                exactly one of {@code bucket} and {@code rule}
 * @param reason  why it may pass (the bug report, the fix's plan)
 * @param owner   who answers for it
 * @param expires the last day it applies
 * @param source  where it was written ({@code waivers.yaml:12}), for messages
 */
public record Waiver(String id, String bucket, String rule, String reason, String owner, LocalDate expires, String source) {
    public Waiver {
        Objects.requireNonNull(id, "id");
        if ((bucket == null) == (rule == null)) throw new IllegalArgumentException("waiver " + id + " needs exactly one of bucket and rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expires, "expires");
        if (source == null) source = "waiver " + id;
    }

    /** Expired on {@code today}: it applied through its expiry date and no longer. */
    public boolean expiredOn(LocalDate today) { return today.isAfter(expires); }

    public boolean matches(String signature) {
        if (signature == null) return false;
        String s = normalize(signature);
        return bucket != null ? s.equals(normalize(bucket)) : glob(normalize(rule)).matcher(s).matches();
    }

    /** What it matches, for tables: the bucket, or {@code rule <glob>}. */
    public String target() { return bucket != null ? bucket : "rule " + rule; }

    /** Signatures compare with runs of blanks made one space, so hand-written waivers match. */
    static String normalize(String s) { return s.strip().replaceAll("\\s+", " "); }

    static Pattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (!lit.isEmpty()) re.append(Pattern.quote(lit.toString()));
                lit.setLength(0);
                re.append(c == '*' ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (!lit.isEmpty()) re.append(Pattern.quote(lit.toString()));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
