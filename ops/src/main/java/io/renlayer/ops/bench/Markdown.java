package io.renlayer.ops.bench;

import io.renlayer.ops.bench.BenchResults.Summary;

import java.util.Locale;

/** The report's writing: lines, table rows, and one way of printing each unit so all tables agree. */
final class Markdown {

    private final StringBuilder out = new StringBuilder();

    Markdown line(String text) {
        out.append(text).append('\n');
        return this;
    }

    Markdown line() {
        return line("");
    }

    Markdown row(String... cells) {
        return line("| " + String.join(" | ", cells) + " |");
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Nanoseconds as milliseconds with two decimals: the latency tables' unit. */
    static String ms(double nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }

    /** Microseconds, whole: the CPU tables' unit (ticks are 10 ms; more digits would be noise). */
    static String us(double micros) {
        return String.format(Locale.ROOT, "%.0f", micros);
    }

    /** A summary of nanoseconds: "median (min–max)" in milliseconds. */
    static String range(Summary s) {
        return ms(s.median()) + " (" + ms(s.min()) + "–" + ms(s.max()) + ")";
    }

    /** A summary of microseconds: "median (min–max)". */
    static String rangeUs(Summary s) {
        return us(s.median()) + " (" + us(s.min()) + "–" + us(s.max()) + ")";
    }

    static String met(boolean met) {
        return met ? "yes" : "**no**";
    }
}
