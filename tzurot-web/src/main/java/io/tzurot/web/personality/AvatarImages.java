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
 * the file. Memory stays small whatever the file declares: the dimensions are read from the header first
 * and capped at {@link #MAX_PIXELS}, the decoder skips rows and columns (subsampling) so it never builds the
 * full-size bitmap, and at most {@link ImageWork#MAX_CONCURRENT} images are decoded at once. WebP, which
 * the JDK cannot decode, has its whole container checked ({@link WebpCheck}) and is stored as uploaded.
 */
public final class AvatarImages {

    /** Longest side of a stored avatar, in pixels. */
    public static final int MAX_SIDE = 512;
    /** Most pixels an uploaded avatar may declare: 4096 x 4096. */
    public static final long MAX_PIXELS = 4096L * 4096L;
    /** Images decoded at once across the process; more wait briefly, then get a 503. */
    public static final int MAX_CONCURRENT_DECODES = ImageWork.MAX_CONCURRENT;

    private AvatarImages() {
    }

    /**
     * The bytes to store.
     *
     * @throws ApiException 400 when not an accepted image, not decodable or over the pixel cap, 413 when over
     *                      8 MB, 503 when too many images are being decoded at once
     */
    public static byte[] prepare(String field, byte[] upload) {
        return prepare(field, upload, ImageWork.SHARED);
    }

    static byte[] prepare(String field, byte[] upload, ImageWork work) {
        ImageType type = ImageCheck.require(field, upload);
        if (type == ImageType.WEBP) {
            WebpCheck.dimensions(field, upload, MAX_PIXELS);
            return upload.clone();
        }
        return work.run(field, () -> encodePng(scaleDown(decode(field, upload, type))));
    }

    static void checkPixels(String field, long width, long height, long maxPixels) {
        if (width <= 0 || height <= 0 || width * height > maxPixels) {
            throw ApiException.badRequest(field, "'" + field + "' is " + width + "x" + height + " pixels; avatars may have"
                    + " at most " + maxPixels + " pixels (4096x4096). Scale it down first; it is stored at "
                    + MAX_SIDE + " px a side.");
        }
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
                // only the header is read here: the cap applies before any pixel is decoded
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                checkPixels(field, width, height, MAX_PIXELS);
                ImageReadParam param = reader.getDefaultReadParam();
                // skip rows and columns down to about twice the stored size; the smooth scale does the rest
                int period = Math.max(1, Math.max(width, height) / (2 * MAX_SIDE));
                param.setSourceSubsampling(period, period, 0, 0);
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
