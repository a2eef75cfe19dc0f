package io.tzurot.web.personality;

import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.ImageCheck;
import io.tzurot.web.http.ImageCheck.ImageType;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an uploaded avatar into what is stored. PNG, JPEG and GIF (first frame) are decoded and
 * re-encoded as a PNG of at most {@link #MAX_SIDE} pixels a side, which also drops anything hidden in
 * the file. WebP is checked by its header and stored as uploaded, because the JDK cannot decode it;
 * it is served with its own media type.
 */
public final class AvatarImages {

    /** Longest side of a stored avatar, in pixels. */
    public static final int MAX_SIDE = 512;
    // refuse to decode absurd dimensions: a small file can declare a huge bitmap
    private static final long MAX_PIXELS = 50_000_000L;

    private AvatarImages() {
    }

    /**
     * The bytes to store.
     *
     * @throws ApiException 400 when not an accepted image or not decodable, 413 when over 8 MB
     */
    public static byte[] prepare(String field, byte[] upload) {
        ImageType type = ImageCheck.require(field, upload);
        if (type == ImageType.WEBP) {
            return upload.clone();
        }
        BufferedImage image = decode(field, upload, type);
        return encodePng(scaleDown(image));
    }

    private static BufferedImage decode(String field, byte[] bytes, ImageType type) {
        String unreadable = "'" + field + "' starts like a " + type.name() + " image but could not be read; it may be"
                + " damaged or truncated.";
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw ApiException.badRequest(field, unreadable);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw ApiException.badRequest(field, "'" + field + "' is " + reader.getWidth(0) + "x"
                            + reader.getHeight(0) + " pixels; avatars may have at most " + MAX_PIXELS + " pixels.");
                }
                // Decoded at a reduced size when large: the bitmap in memory stays near 1024 pixels a side whatever
                // the file declares (a few kB of PNG can describe hundreds of MB of pixels).
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(reader.getWidth(0), reader.getHeight(0)) / (MAX_SIDE * 2));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw ApiException.badRequest(field, unreadable);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.badRequest(field, unreadable);
        }
    }

    private static BufferedImage scaleDown(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encodePng(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The media type of stored avatar bytes. */
    public static String mediaType(byte[] stored) {
        return ImageCheck.detect(stored).map(ImageType::mediaType).orElse("application/octet-stream");
    }
}
