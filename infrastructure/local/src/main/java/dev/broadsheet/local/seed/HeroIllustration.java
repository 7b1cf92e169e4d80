package dev.broadsheet.local.seed;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Draws the sample article's hero image: two figures shaking hands in front of two flags' colours.
 * Generated rather than copied, so the repository holds no photograph; drawn the same way each
 * time, so its content hash (and S3 key) stays stable across restarts.
 */
public final class HeroIllustration {

    public static final int WIDTH = 1200;
    public static final int HEIGHT = 675;

    private HeroIllustration() {
    }

    public static byte[] png() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), WIDTH, HEIGHT, new Color(0x457b9d)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            drawFlagBands(g, 0, new Color[] {new Color(0xb22234), Color.WHITE, new Color(0x3c3b6e)});
            drawFlagBands(g, WIDTH - 260, new Color[] {Color.WHITE, new Color(0x0039a6), new Color(0xd52b1e)});
            drawFigure(g, 420, new Color(0x2b2d42));
            drawFigure(g, 780, new Color(0x3d405b));
            // The handshake between them.
            g.setColor(new Color(0xf1c27d));
            g.fill(new RoundRectangle2D.Double(560, 395, 80, 38, 30, 30));
            g.setColor(new Color(0xf1faee));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            g.drawString("Broadsheet sample illustration", 360, 635);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawFlagBands(Graphics2D g, int x, Color[] colors) {
        int band = HEIGHT / colors.length;
        for (int i = 0; i < colors.length; i++) {
            g.setColor(new Color(colors[i].getRed(), colors[i].getGreen(), colors[i].getBlue(), 90));
            g.fillRect(x, i * band, 260, band);
        }
    }

    private static void drawFigure(Graphics2D g, int centreX, Color suit) {
        g.setColor(new Color(0xf1c27d));
        g.fill(new Ellipse2D.Double(centreX - 55, 150, 110, 130));
        g.setColor(suit);
        g.fill(new RoundRectangle2D.Double(centreX - 110, 290, 220, 330, 90, 90));
        g.setColor(Color.WHITE);
        g.fillPolygon(new int[] {centreX - 30, centreX + 30, centreX}, new int[] {290, 290, 360}, 3);
        g.setColor(new Color(0x9d0208));
        g.setStroke(new BasicStroke(10));
        g.drawLine(centreX, 300, centreX, 400);
        // The arm reaching to the middle.
        g.setColor(suit);
        g.setStroke(new BasicStroke(44, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        int towardsMiddle = centreX < WIDTH / 2 ? 150 : -150;
        g.drawLine(centreX, 340, centreX + towardsMiddle, 415);
    }
}
