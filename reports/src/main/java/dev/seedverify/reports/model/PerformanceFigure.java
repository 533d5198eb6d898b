package dev.seedverify.reports.model;

/**
 * A measured figure with the command that reproduces it.
 *
 * @param name    what was measured ({@code lockstep golden + RTL, scalar})
 * @param value   the figure
 * @param unit    its unit ({@code M instr/s})
 * @param command the command that measures it
 * @param note    context (target, ratio, spread), or null
 */
public record PerformanceFigure(String name, double value, String unit, String command, String note) {
    public PerformanceFigure {
        Checks.text(name, "figure name");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("figure " + name + " is not a finite number");
        if (unit == null) unit = "";
        Checks.text(command, "command of figure " + name);
    }
}
