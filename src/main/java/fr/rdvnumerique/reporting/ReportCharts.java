package fr.rdvnumerique.reporting;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import fr.rdvnumerique.base.web.PdfFonts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.jfree.graphics2d.svg.ViewBox;

/**
 * Draws the report's charts (ADR 013): one JFreeChart per {@link ReportSection.Chart}, written as SVG for the
 * screen and drawn on the PDF's own graphics, so that both stay vector graphics and look alike.
 */
final class ReportCharts {

    /** The series' colours: dark enough on white for text and for thin bars (WCAG non-text contrast ≥ 3:1). */
    private static final List<Color> PALETTE = List.of(new Color(0x1a, 0x56, 0x9c), new Color(0xb3, 0x4a, 0x00),
            new Color(0x3d, 0x7a, 0x2a), new Color(0x6b, 0x3f, 0xa0));
    private static final Color GRID = new Color(0xcd, 0xd5, 0xdf);
    private static final Color TEXT = new Color(0x1f, 0x29, 0x37);

    private ReportCharts() {
    }

    /** The width and height a chart is drawn at, in points (PDF) or CSS pixels (SVG, which then scales). */
    static int width(ReportSection.Chart chart) {
        return 640;
    }

    static int height(ReportSection.Chart chart) {
        if (chart.kind() == ReportSection.Chart.Kind.BARS) {
            return Math.min(620, 70 + Math.max(3, chart.categories().size()) * (14 + 12 * chart.series().size()));
        }
        return 300;
    }

    static JFreeChart chart(ReportSection.Chart data) {
        var dataset = new DefaultCategoryDataset();
        for (ReportSection.Series series : data.series()) {
            for (int i = 0; i < data.categories().size(); i++) {
                Number value = i < series.values().size() ? series.values().get(i) : 0;
                dataset.addValue(value, series.name(), data.categories().get(i));
            }
        }
        var categoryAxis = new CategoryAxis(null);
        var valueAxis = new NumberAxis(data.valueAxis());
        valueAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.FRENCH));
        valueAxis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.FRENCH));
        var renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < data.series().size(); i++) {
            renderer.setSeriesPaint(i, PALETTE.get(i % PALETTE.size()));
        }
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                NumberFormat.getIntegerInstance(Locale.FRENCH)));
        renderer.setDefaultItemLabelsVisible(data.kind() == ReportSection.Chart.Kind.BARS
                || data.categories().size() * data.series().size() <= 26);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        renderer.setDefaultItemLabelPaint(TEXT);
        var plot = new CategoryPlot(dataset, categoryAxis, valueAxis, renderer);
        plot.setOrientation(data.kind() == ReportSection.Chart.Kind.BARS ? PlotOrientation.HORIZONTAL
                : PlotOrientation.VERTICAL);
        if (data.kind() == ReportSection.Chart.Kind.BARS) {
            // Values at the end of their bar, the scale under the chart.
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
            renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                    TextAnchor.CENTER_LEFT));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(0.6f));
        plot.setInsets(new RectangleInsets(4, 4, 4, 24));
        Font axisFont = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        categoryAxis.setTickLabelFont(axisFont);
        categoryAxis.setTickLabelPaint(TEXT);
        categoryAxis.setMaximumCategoryLabelWidthRatio(0.45f);
        categoryAxis.setMaximumCategoryLabelLines(2);
        if (data.kind() == ReportSection.Chart.Kind.COLUMNS && data.categories().size() > 8) {
            categoryAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        valueAxis.setTickLabelFont(axisFont);
        valueAxis.setTickLabelPaint(TEXT);
        valueAxis.setLabelFont(axisFont);
        valueAxis.setLabelPaint(TEXT);
        valueAxis.setUpperMargin(0.12);
        var chart = new JFreeChart(null, null, plot, data.series().size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.TOP);
            legend.setItemFont(axisFont);
            legend.setItemPaint(TEXT);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /**
     * The chart as an inline SVG element that scales to its container, with {@code role="img"} and the chart's
     * title and description as its accessible name.
     */
    static String svg(ReportSection.Chart data) {
        int w = width(data);
        int h = height(data);
        var g2 = new SVGGraphics2D(w, h);
        chart(data).draw(g2, new Rectangle2D.Double(0, 0, w, h));
        String element = g2.getSVGElement("chart-" + data.id(), false, new ViewBox(0, 0, w, h), null, null);
        String label = escape(data.title() + ". " + data.description());
        return element.replaceFirst("<svg ", "<svg role=\"img\" aria-label=\"" + label.replace("$", "\\$") + "\" ");
    }

    /** The chart drawn on the PDF's graphics, as an element for the document flow: vectors, never a bitmap. */
    static Image pdf(PdfContentByte canvas, ReportSection.Chart data, float width) {
        int w = width(data);
        int h = height(data);
        PdfTemplate template = canvas.createTemplate(w, h);
        Graphics2D g2 = template.createGraphics(w, h, FONTS);
        try {
            chart(data).draw(g2, new Rectangle2D.Double(0, 0, w, h));
        } finally {
            g2.dispose();
        }
        try {
            Image image = Image.getInstance(template);
            image.scaleToFit(width, width * h / w);
            return image;
        } catch (BadElementException e) {
            throw new IllegalStateException("The chart could not be placed in the PDF", e);
        }
    }

    /** The PDF's embedded Unicode font for the chart's text (French numbers use a narrow no-break space). */
    private static final FontMapper FONTS = new FontMapper() {
        @Override
        public BaseFont awtToPdf(Font font) {
            return (font.isBold() ? PdfFonts.bold(10) : PdfFonts.regular(10)).getBaseFont();
        }

        @Override
        public Font pdfToAwt(BaseFont font, int size) {
            return new Font(Font.SANS_SERIF, Font.PLAIN, size);
        }
    };

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
