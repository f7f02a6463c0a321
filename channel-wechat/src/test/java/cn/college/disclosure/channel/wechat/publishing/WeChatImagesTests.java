package cn.college.disclosure.channel.wechat.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.college.disclosure.contract.DeliveryWarning;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

class WeChatImagesTests {

    /** A 1 × 1 lossless WebP. */
    static final byte[] WEBP =
            Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    @Test
    void aSmallPngOrJpegGoesAsItIs() throws Exception {
        byte[] png = png(40, 30);
        assertThat(WeChatImages.forBody(png).bytes()).isSameAs(png);
        byte[] jpeg = jpeg(noise(40, 30), 0.9f);
        assertThat(WeChatImages.forBody(jpeg).bytes()).isSameAs(jpeg);
    }

    @Test
    void aJpegOverOneMegabyteIsMadeSmallerKeepingItsAspect() throws Exception {
        byte[] large = largeJpeg();
        assertThat(large.length).isGreaterThan(WeChatImages.MAX_BODY_BYTES);

        WeChatImages.Fitted fitted = WeChatImages.forBody(large);

        assertThat(fitted.format()).isEqualTo("jpg");
        assertThat(fitted.bytes().length).isLessThanOrEqualTo(WeChatImages.MAX_BODY_BYTES);
        BufferedImage result = ImageIO.read(new ByteArrayInputStream(fitted.bytes()));
        assertThat((double) result.getWidth() / result.getHeight()).isCloseTo(1.5, within());
    }

    @Test
    void webpAndGifBecomePngOrJpeg() throws Exception {
        WeChatImages.Fitted webp = WeChatImages.forBody(WEBP);
        assertThat(webp.format()).isIn("png", "jpg");
        assertThat(ImageIO.read(new ByteArrayInputStream(webp.bytes())).getWidth()).isEqualTo(1);

        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        ImageIO.write(noise(20, 10), "gif", gif);
        WeChatImages.Fitted fromGif = WeChatImages.forBody(gif.toByteArray());
        assertThat(WeChatImages.format(fromGif.bytes())).isIn("png", "jpg");
        assertThat(ImageIO.read(new ByteArrayInputStream(fromGif.bytes())).getWidth())
                .isEqualTo(20);
    }

    @Test
    void aThumbIsAJpegOfAtMost64Kilobytes() throws Exception {
        WeChatImages.Fitted thumb = WeChatImages.forThumb(largeJpeg());

        assertThat(WeChatImages.format(thumb.bytes())).isEqualTo("jpg");
        assertThat(thumb.bytes().length).isLessThanOrEqualTo(WeChatImages.MAX_THUMB_BYTES);
        BufferedImage result = ImageIO.read(new ByteArrayInputStream(thumb.bytes()));
        assertThat(Math.max(result.getWidth(), result.getHeight())).isLessThanOrEqualTo(900);
        assertThat(WeChatImages.format(WeChatImages.forThumb(png(30, 20)).bytes()))
                .isEqualTo("jpg");
    }

    @Test
    void whatIsNoImageIsRefusedByItsType() {
        assertThatThrownBy(() -> WeChatImages.forBody("<svg/>".getBytes()))
                .isInstanceOfSatisfying(
                        WeChatImages.Unfit.class,
                        e -> assertThat(e.code).isEqualTo(DeliveryWarning.IMAGE_TYPE_REFUSED));
        byte[] broken = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 1, 2, 3};
        assertThatThrownBy(() -> WeChatImages.forBody(broken))
                .isInstanceOf(WeChatImages.Unfit.class);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.02);
    }

    /** Noise at full quality: a JPEG of about 2 MB, 3:2. */
    static byte[] largeJpeg() throws Exception {
        return jpeg(noise(1200, 800), 1.0f);
    }

    static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(noise(width, height), "png", bytes);
        return bytes.toByteArray();
    }

    static byte[] jpeg(BufferedImage image, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
