package io.tzurot.app.bench;

import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.wiring.CardWiring;
import io.tzurot.app.wiring.ManagementWiring;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.access.Actor;
import io.tzurot.core.card.CardUseCases;
import io.tzurot.core.card.CharacterCard;
import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.card.FileCardCodec;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Benchmark (not a test): importing a 1 MB PNG card (a 450x450 noise image, so the PNG cannot shrink, with V2
 * and V3 chunks) that carries a 500-entry lorebook, through the same use cases as the API, on the embedded H2
 * file database. Prints p50/p99 per import and the process's RSS before and after the measured imports (and its
 * peak), then one RESULT line. Usage: {@code bench/card-import.sh [imports, default 60] [warm-up, default 15]}.
 */
public final class CardImportBenchmark {

    private CardImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int imports = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Path dir = Files.createTempDirectory("card-bench");
        FileCardCodec codec = new FileCardCodec();
        byte[] image = noisePng(450, new Random(1));
        List<byte[]> files = new ArrayList<>();
        for (int i = 0; i < imports + warmUp; i++) {
            files.add(card(codec, "Bench Card " + i, image));
        }
        System.out.printf("card file: %,d bytes (image %,d bytes), 500 lorebook entries%n", files.get(0).length, image.length);
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            Repositories repos = Repositories.of(db, Clock.systemUTC());
            TzurotConfig config = TzurotConfig.from(io.tzurot.app.config.ConfigSources.load(Map.of("TZUROT_DATA_DIR", dir.toString()), dir));
            CardUseCases cards = CardWiring.useCases(repos, ManagementWiring.useCases(repos, config, null), Clock.systemUTC());
            User user = repos.users().getOrCreate(new DiscordUserProfile("100000000000000001", "bench", null, null, false), true);
            Actor actor = new Actor(user.id(), user.discordId(), true);
            for (int i = 0; i < warmUp; i++) {
                cards.importing().importFile(actor, "w.png", files.get(i));
            }
            System.gc();
            long rssBefore = status("VmRSS");
            long[] nanos = new long[imports];
            for (int i = 0; i < imports; i++) {
                long t0 = System.nanoTime();
                cards.importing().importFile(actor, "b.png", files.get(warmUp + i));
                nanos[i] = System.nanoTime() - t0;
            }
            long rssAfter = status("VmRSS");
            long peak = status("VmHWM");
            Arrays.sort(nanos);
            double p50 = Percentiles.ms(nanos, 0.50);
            double p99 = Percentiles.ms(nanos, 0.99);
            System.out.printf("import: p50 %.1f ms, p99 %.1f ms over %d imports (after %d warm-up)%n", p50, p99, imports, warmUp);
            System.out.printf("RSS: %d MB before, %d MB after (growth %d MB), peak %d MB; load average %s%n",
                    rssBefore / 1024, rssAfter / 1024, (rssAfter - rssBefore) / 1024, peak / 1024, loadAverage());
            System.out.printf("RESULT card-import p50_ms=%.1f p99_ms=%.1f rss_growth_mb=%d rss_peak_mb=%d file_bytes=%d%n",
                    p50, p99, (rssAfter - rssBefore) / 1024, peak / 1024, files.get(0).length);
        }
    }

    private static byte[] card(FileCardCodec codec, String name, byte[] image) {
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            if (i > 0) {
                entries.append(',');
            }
            entries.append("{\"id\":").append(i).append(",\"keys\":[\"key").append(i).append("\",\"alias").append(i)
                    .append("\"],\"secondary_keys\":[],\"comment\":\"entry ").append(i).append("\",\"content\":\"")
                    .append(("Lore line " + i + " about the world. ").repeat(4)).append("\",\"constant\":false,")
                    .append("\"selective\":true,\"insertion_order\":").append(100 + i).append(",\"enabled\":true,")
                    .append("\"position\":\"before_char\",\"use_regex\":true,\"extensions\":{\"position\":0,\"depth\":4,")
                    .append("\"probability\":100,\"useProbability\":true,\"selectiveLogic\":0,\"group\":\"\",\"role\":0,")
                    .append("\"sticky\":0,\"cooldown\":0,\"delay\":0}}");
        }
        String json = "{\"spec\":\"chara_card_v2\",\"spec_version\":\"2.0\",\"data\":{\"name\":\"" + name + "\","
                + "\"description\":\"" + "A character for the import benchmark. ".repeat(40) + "\",\"personality\":\"calm\","
                + "\"scenario\":\"A library.\",\"first_mes\":\"Hello.\",\"mes_example\":\"\",\"creator_notes\":\"\","
                + "\"system_prompt\":\"\",\"post_history_instructions\":\"\",\"alternate_greetings\":[],\"tags\":[],"
                + "\"creator\":\"bench\",\"character_version\":\"1\",\"extensions\":{},\"character_book\":{\"name\":\"Lore\","
                + "\"extensions\":{},\"entries\":[" + entries + "]}}}";
        CharacterCard c = (CharacterCard) codec.readCharacter("b.json", json.getBytes(StandardCharsets.UTF_8));
        CharacterCard withImage = new CharacterCard(c.spec(), c.name(), c.nickname(), c.description(), c.personality(),
                c.scenario(), c.firstMessage(), c.exampleMessages(), c.systemPrompt(), c.alternateGreetings(),
                c.tzurotFields(), c.book(), image, c.assets(), c.cardJson());
        return codec.writeCard(withImage, CharacterExportFormat.CARD_PNG);
    }

    private static byte[] noisePng(int side, Random random) throws Exception {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                img.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static long status(String key) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
