package cn.college.disclosure.channel.wechat.publishing;

import cn.college.disclosure.contract.DeliveryWarning;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Images made fit for what WeChat takes, with ImageIO (and TwelveMonkeys' WebP reader): a body
 * image for {@code media/uploadimg} is JPG or PNG of at most 1 MB; a cover for {@code
 * material/add_material} of type {@code thumb} is a JPG of at most 64 KB. An image that already
 * fits goes as it is; otherwise it is decoded (a GIF's first frame), written as JPEG at falling
 * quality and, while still too large, scaled down keeping its aspect ratio. What cannot be made to
 * fit is {@link Unfit}, with the warning code that says why.
 */
final class WeChatImages {

    /** What an image became: its bytes and their format ({@code jpg} or {@code png}). */
    record Fitted(byte[] bytes, String format) {}

    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_THUMB_BYTES = 64 * 1024;

    /** WeChat shows a cover at 900 × 383 (2.35:1); a larger thumb only costs bytes. */
    private static final int THUMB_MAX_SIDE = 900;

    private static final float[] QUALITIES = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f};
    private static final int MIN_SIDE = 16;
    private static final int MAX_SCALINGS = 12;
    private static final long MAX_PIXELS = 100_000_000L;

    private WeChatImages() {}

    /** A body image for {@code uploadimg}: JPG/PNG ≤ 1 MB as it is, anything else converted. */
    static Fitted forBody(byte[] image) {
        String format = format(image);
        if ((format.equals("jpg") || format.equals("png")) && image.length <= MAX_BODY_BYTES) {
            return new Fitted(image, format);
        }
        BufferedImage decoded = decode(image, format);
        if (decoded.getColorModel().hasAlpha() && !format.equals("jpg")) {
            // transparency survives only as PNG: try that first
            byte[] png = png(decoded);
            if (png.length <= MAX_BODY_BYTES) {
                return new Fitted(png, "png");
            }
        }
        return new Fitted(jpegUnder(decoded, MAX_BODY_BYTES), "jpg");
    }

    /** A cover for {@code add_material} type {@code thumb}: a JPG ≤ 64 KB. */
    static Fitted forThumb(byte[] image) {
        String format = format(image);
        if (format.equals("jpg") && image.length <= MAX_THUMB_BYTES) {
            return new Fitted(image, format);
        }
        BufferedImage decoded = decode(image, format);
        int side = Math.max(decoded.getWidth(), decoded.getHeight());
        if (side > THUMB_MAX_SIDE) {
            double factor = (double) THUMB_MAX_SIDE / side;
            decoded =
                    scaled(
                            decoded,
                            Math.max(1, (int) Math.round(decoded.getWidth() * factor)),
                            Math.max(1, (int) Math.round(decoded.getHeight() * factor)));
        }
        return new Fitted(jpegUnder(decoded, MAX_THUMB_BYTES), "jpg");
    }

    /** {@code jpg}, {@code png}, {@code gif}, {@code webp}, {@code bmp} or {@code unknown}. */
    static String format(byte[] image) {
        if (image.length >= 3
                && (image[0] & 0xff) == 0xff
                && (image[1] & 0xff) == 0xd8
                && (image[2] & 0xff) == 0xff) {
            return "jpg";
        }
        if (image.length >= 8
                && (image[0] & 0xff) == 0x89
                && image[1] == 'P'
                && image[2] == 'N'
                && image[3] == 'G') {
            return "png";
        }
        if (image.length >= 6 && image[0] == 'G' && image[1] == 'I' && image[2] == 'F') {
            return "gif";
        }
        if (image.length >= 12
                && image[0] == 'R'
                && image[1] == 'I'
                && image[2] == 'F'
                && image[3] == 'F'
                && image[8] == 'W'
                && image[9] == 'E'
                && image[10] == 'B'
                && image[11] == 'P') {
            return "webp";
        }
        if (image.length >= 2 && image[0] == 'B' && image[1] == 'M') {
            return "bmp";
        }
        return "unknown";
    }

    /** The image (a GIF's first frame); not an image ImageIO reads is {@link Unfit}. */
    private static BufferedImage decode(byte[] image, String format) {
        if (format.equals("unknown")) {
            throw new Unfit(DeliveryWarning.IMAGE_TYPE_REFUSED);
        }
        try (ImageInputStream in =
                ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            Iterator<javax.imageio.ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Unfit(DeliveryWarning.IMAGE_TYPE_REFUSED);
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    // a decompression bomb or nonsense: never decoded
                    throw new Unfit(DeliveryWarning.IMAGE_TOO_LARGE);
                }
                BufferedImage decoded = reader.read(0);
                if (decoded == null) {
                    throw new Unfit(DeliveryWarning.IMAGE_UNREADABLE);
                }
                return decoded;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unfit unfit) {
                throw unfit;
            }
            throw new Unfit(DeliveryWarning.IMAGE_UNREADABLE);
        }
    }

    /** JPEG at falling quality, then scaled down, until at most {@code limit} bytes. */
    private static byte[] jpegUnder(BufferedImage image, int limit) {
        BufferedImage current = opaque(image);
        for (int scaling = 0; scaling <= MAX_SCALINGS; scaling++) {
            byte[] smallest = null;
            for (float quality : QUALITIES) {
                byte[] jpeg = jpeg(current, quality);
                if (jpeg.length <= limit) {
                    return jpeg;
                }
                smallest = jpeg;
            }
            // the pixels are too many: scale by the square root of how much too large it is
            double factor = Math.min(0.9, Math.sqrt((double) limit / smallest.length) * 0.95);
            int width = (int) Math.round(current.getWidth() * factor);
            int height = (int) Math.round(current.getHeight() * factor);
            if (Math.min(width, height) < MIN_SIDE) {
                break;
            }
            current = scaled(current, width, height);
        }
        throw new Unfit(DeliveryWarning.IMAGE_TOO_LARGE);
    }

    /** RGB on white: JPEG has no transparency. */
    private static BufferedImage opaque(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb =
                new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        int type =
                image.getColorModel().hasAlpha()
                        ? BufferedImage.TYPE_INT_ARGB
                        : BufferedImage.TYPE_INT_RGB;
        BufferedImage scaled = new BufferedImage(width, height, type);
        Graphics2D g = scaled.createGraphics();
        try {
            g.setRenderingHint(
                    RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return scaled;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new Unfit(DeliveryWarning.IMAGE_UNREADABLE);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new Unfit(DeliveryWarning.IMAGE_UNREADABLE);
            }
        } catch (IOException e) {
            throw new Unfit(DeliveryWarning.IMAGE_UNREADABLE);
        }
        return bytes.toByteArray();
    }

    /** The image cannot be made to fit, for the reason its warning code names. */
    static final class Unfit extends RuntimeException {
        final String code;

        Unfit(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }
}
