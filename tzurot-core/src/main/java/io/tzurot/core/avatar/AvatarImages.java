package io.tzurot.core.avatar;

import io.tzurot.core.failure.DomainException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * The one avatar image rule, whatever face the image came through: PNG, JPEG, WebP or GIF by content, at most
 * {@link #MAX_BYTES} and {@link #MAX_PIXELS}. PNG, JPEG and GIF (first frame) are decoded and re-encoded as a
 * PNG of at most {@link #MAX_SIDE} pixels a side, which also drops anything hidden in the file. Memory stays
 * small whatever the file declares: the dimensions are read from the header first and capped, the decoder skips
 * rows and columns (subsampling) so it never builds the full-size bitmap, and at most
 * {@link #MAX_CONCURRENT_DECODES} images are decoded at once. WebP, which the JDK cannot decode, has its whole
 * container checked and is stored as uploaded. Refusals are domain errors naming the face's field: invalid,
 * too large, or unavailable (busy).
 */
public final class AvatarImages {

    /** Largest accepted upload: 8 MB. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Longest side of a stored avatar, in pixels. */
    public static final int MAX_SIDE = 512;
    /** Most pixels an uploaded avatar may declare: 4096 x 4096. */
    public static final long MAX_PIXELS = 4096L * 4096L;
    /** Images decoded at once across the process; more wait briefly, then are refused as busy. */
    public static final int MAX_CONCURRENT_DECODES = 2;
    /** How long an upload waits for a decoding turn. */
    public static final Duration WAIT = Duration.ofSeconds(10);

    /** The process-wide instance: the concurrency bound holds across every face. */
    public static final AvatarImages SHARED = new AvatarImages(MAX_CONCURRENT_DECODES, WAIT);

    private final DecodeTurns turns;

    /** An instance with its own bound (tests); faces use {@link #SHARED}. */
    public AvatarImages(int concurrentDecodes, Duration wait) {
        this(new DecodeTurns(concurrentDecodes, wait));
    }

    AvatarImages(DecodeTurns turns) {
        this.turns = turns;
    }

    /**
     * The bytes to store for an upload.
     *
     * @param field how the face names the image (e.g. {@code avatar}, {@code image}), used in every message
     * @throws DomainException invalid when not an accepted image, not decodable or over the pixel cap; too large
     *                         over 8 MB; unavailable (busy) when too many images are being decoded at once
     */
    public byte[] prepare(String field, byte[] upload) {
        ImageType type = requireType(field, upload);
        if (type == ImageType.WEBP) {
            WebpContainer.dimensions(field, upload, MAX_PIXELS);
            return upload.clone();
        }
        return turns.run(field, () -> encodePng(scaleDown(decode(field, upload, type))));
    }

    /** Refuses a declared size over {@link #MAX_BYTES} before anything is read (a header, an attachment's size). */
    public static void requireSize(String field, long declaredBytes) {
        if (declaredBytes > MAX_BYTES) {
            throw DomainException.tooLarge(field, "'" + field + "' is " + declaredBytes + " bytes; images may be at"
                    + " most 8 MB (" + MAX_BYTES + " bytes).");
        }
    }

    /** The image's type when {@code bytes} is an accepted image by content and size. */
    public static ImageType requireType(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid(field, "'" + field + "' is empty; expected a PNG, JPEG, WebP or GIF image.");
        }
        requireSize(field, bytes.length);
        return ImageType.detect(bytes).orElseThrow(() -> DomainException.invalid(field,
                "'" + field + "' is not a PNG, JPEG, WebP or GIF image (checked by its content)."));
    }

    /** The media type of stored avatar bytes. */
    public static String mediaType(byte[] stored) {
        return ImageType.detect(stored).map(ImageType::mediaType).orElse("application/octet-stream");
    }

    static void checkPixels(String field, long width, long height, long maxPixels) {
        if (width <= 0 || height <= 0 || width * height > maxPixels) {
            throw DomainException.invalid(field, "'" + field + "' is " + width + "x" + height + " pixels; avatars may"
                    + " have at most " + maxPixels + " pixels (4096x4096). Scale it down first; it is stored at "
                    + MAX_SIDE + " px a side.");
        }
    }

    private static BufferedImage decode(String field, byte[] bytes, ImageType type) {
        String unreadable = "'" + field + "' starts like a " + type.name() + " image but could not be read; it may be"
                + " damaged or truncated.";
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw DomainException.invalid(field, unreadable);
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
                    throw DomainException.invalid(field, unreadable);
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainException domain) {
                throw domain;
            }
            throw DomainException.invalid(field, unreadable);
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
}
