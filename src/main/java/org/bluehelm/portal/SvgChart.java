package org.bluehelm.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A line chart drawn on the server as inline SVG, so that the portal's pages need no script: one
 * line per series over shared x labels (a gap where a value is missing), the y axis from the lowest
 * to the highest value (from 0 when none is negative), optional shaded bands (e.g. a mission's
 * years) and a legend. The numbers are also in the table next to each chart.
 */
final class SvgChart {

    /** One line: a name and one value (or none) per x label. */
    record Line(String name, List<@Nullable Double> values) {}

    /** A shaded stretch of the x axis, from one label index to another (inclusive). */
    record Band(int from, int to, String label) {}

    private static final int WIDTH = 640;
    private static final int HEIGHT = 240;
    private static final int LEFT = 48;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 40;
    private static final String[] COLOURS = {"#0b5394", "#b45f06", "#38761d", "#990000", "#674ea7", "#45818e"};

    private SvgChart() {}

    static String lines(String title, List<String> labels, List<Line> lines, List<Band> bands) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Line line : lines) {
            for (Double v : line.values()) {
                if (v != null) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT + 20 * ((lines.size() + 2) / 3))
                .append("\" aria-label=\"")
                .append(escape(title))
                .append("\"><title>")
                .append(escape(title))
                .append("</title>");
        if (min == Double.MAX_VALUE || labels.isEmpty()) {
            return svg.append("</svg>").toString();
        }
        if (min > 0) {
            min = 0;
        }
        if (max == min) {
            max = min + 1;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double step = labels.size() == 1 ? 0 : plotW / (labels.size() - 1);
        double lo = min;
        double span = max - min;
        java.util.function.IntToDoubleFunction x = i -> LEFT + (labels.size() == 1 ? plotW / 2 : i * step);
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - (v - lo) / span * plotH;
        for (Band b : bands) {
            double x1 = x.applyAsDouble(b.from()) - step / 2;
            double x2 = x.applyAsDouble(b.to()) + step / 2;
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"#eee\"><title>%s</title></rect>",
                    Math.max(LEFT, x1),
                    TOP,
                    Math.min(LEFT + plotW, x2) - Math.max(LEFT, x1),
                    plotH,
                    escape(b.label())));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" fill=\"#666\">%s</text>",
                    Math.max(LEFT, x1) + 2,
                    TOP + 10,
                    escape(b.label())));
        }
        // axes with the lowest, middle and highest values
        svg.append(String.format(
                Locale.ROOT,
                "<path d=\"M%d %d V%.1f H%.1f\" stroke=\"#999\" fill=\"none\"/>",
                LEFT,
                TOP,
                TOP + plotH,
                LEFT + plotW));
        for (double v : new double[] {min, (min + max) / 2, max}) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
                    LEFT - 4,
                    y.applyAsDouble(v) + 3,
                    number(v)));
        }
        int every = Math.max(1, (labels.size() + 9) / 10);
        for (int i = 0; i < labels.size(); i += every) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
                    x.applyAsDouble(i),
                    TOP + plotH + 14,
                    escape(labels.get(i))));
        }
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            String colour = COLOURS[l % COLOURS.length];
            List<String> segments = new ArrayList<>();
            StringBuilder d = new StringBuilder();
            for (int i = 0; i < labels.size() && i < line.values().size(); i++) {
                Double v = line.values().get(i);
                if (v == null) {
                    continue;
                }
                boolean joined = i > 0 && line.values().get(i - 1) != null;
                d.append(joined ? " L" : " M")
                        .append(String.format(Locale.ROOT, "%.1f %.1f", x.applyAsDouble(i), y.applyAsDouble(v)));
                segments.add(String.format(
                        Locale.ROOT,
                        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"><title>%s %s: %s</title></circle>",
                        x.applyAsDouble(i),
                        y.applyAsDouble(v),
                        colour,
                        escape(line.name()),
                        escape(labels.get(i)),
                        number(v)));
            }
            if (!d.isEmpty()) {
                svg.append("<path d=\"")
                        .append(d.toString().trim())
                        .append("\" stroke=\"")
                        .append(colour)
                        .append("\" stroke-width=\"2\" fill=\"none\"/>");
            }
            segments.forEach(svg::append);
            int lx = LEFT + (l % 3) * 200;
            int ly = HEIGHT + 20 * (l / 3);
            svg.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
                    lx,
                    ly - 9,
                    colour,
                    lx + 14,
                    ly,
                    escape(abbreviate(line.name()))));
        }
        return svg.append("</svg>").toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 32 ? text.substring(0, 31) + "…" : text;
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v)
                .setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
