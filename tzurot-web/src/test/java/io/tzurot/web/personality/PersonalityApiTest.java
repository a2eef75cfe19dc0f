package io.tzurot.web.personality;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.json;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.testing.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /api/v1/personalities and /avatars: the permission matrix (user A, user B, owner, anonymous) and bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalityApiTest {

    private ManagementTestServer server;
    private String alice;
    private String bob;
    private String owner;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000001", false);
        bob = server.token("300000000000000001", false);
        owner = server.token(TestServer.OPERATOR, true);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private JsonNode create(String bearer, String slug, boolean isPublic) {
        return ok(server.send("POST", "/api/v1/personalities", bearer, "{\"name\":\"" + slug + " name\",\"slug\":\"" + slug
                + "\",\"characterInfo\":\"A test character.\",\"personalityTraits\":\"Curious\",\"isPublic\":" + isPublic + "}"),
                201).get("personality");
    }

    static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Nested
    class Permissions {
        @Test
        void anonymousCallersGet401OnEveryRoute() {
            assertError(server.send("GET", "/api/v1/personalities", null, null), 401, "unauthenticated", null);
            assertError(server.send("POST", "/api/v1/personalities", null, "{}"), 401, "unauthenticated", null);
            assertError(server.send("GET", "/api/v1/personalities/anyone", null, null), 401, "unauthenticated", null);
            assertError(server.send("PATCH", "/api/v1/personalities/anyone", null, "{}"), 401, "unauthenticated", null);
            assertError(server.send("DELETE", "/api/v1/personalities/anyone", null, null), 401, "unauthenticated", null);
            assertError(server.putBytes("/api/v1/personalities/anyone/avatar", null, new byte[] {1}), 401, "unauthenticated", null);
            assertError(server.send("POST", "/api/v1/personalities/anyone/aliases", null, "{\"alias\":\"x\"}"),
                    401, "unauthenticated", null);
        }

        @Test
        void aPrivatePersonalityIsInvisibleToOthersButNotToTheBotOwner() {
            create(alice, "alice-private", false);
            assertThat(json(server.send("GET", "/api/v1/personalities", alice, null)).toString()).contains("alice-private");
            assertThat(json(server.send("GET", "/api/v1/personalities", bob, null)).toString()).doesNotContain("alice-private");
            assertError(server.send("GET", "/api/v1/personalities/alice-private", bob, null), 404, "not_found", null);
            assertError(server.send("PATCH", "/api/v1/personalities/alice-private", bob, "{\"tone\":\"x\"}"), 404, "not_found", null);
            assertError(server.send("DELETE", "/api/v1/personalities/alice-private", bob, null), 404, "not_found", null);
            JsonNode seen = ok(server.send("GET", "/api/v1/personalities/alice-private", owner, null), 200).get("personality");
            assertThat(seen.get("canEdit").asBoolean()).isTrue();
            assertThat(seen.get("isOwned").asBoolean()).isFalse();
        }

        @Test
        void aPublicPersonalityCanBeReadButNotChangedByOthers() {
            create(alice, "alice-public", true);
            JsonNode seen = ok(server.send("GET", "/api/v1/personalities/alice-public", bob, null), 200).get("personality");
            assertThat(seen.get("canEdit").asBoolean()).isFalse();
            assertError(server.send("PATCH", "/api/v1/personalities/alice-public", bob, "{\"tone\":\"x\"}"), 403, "forbidden", null);
            assertError(server.send("DELETE", "/api/v1/personalities/alice-public", bob, null), 403, "forbidden", null);
            assertError(server.send("POST", "/api/v1/personalities/alice-public/aliases", bob, "{\"alias\":\"stolen\"}"),
                    403, "forbidden", null);
            assertThat(ok(server.send("PATCH", "/api/v1/personalities/alice-public", owner, "{\"tone\":\"dry\"}"), 200)
                    .at("/personality/tone").asText()).isEqualTo("dry");
        }

        @Test
        void visibilityIsSetWithPatch() {
            create(alice, "alice-shy", false);
            assertThat(ok(server.send("PATCH", "/api/v1/personalities/alice-shy", alice, "{\"isPublic\":true}"), 200)
                    .at("/personality/isPublic").asBoolean()).isTrue();
            ok(server.send("GET", "/api/v1/personalities/alice-shy", bob, null), 200);
            ok(server.send("PATCH", "/api/v1/personalities/alice-shy", alice, "{\"isPublic\":false}"), 200);
            assertError(server.send("GET", "/api/v1/personalities/alice-shy", bob, null), 404, "not_found", null);
        }

        @Test
        void onlyTheBotOwnerMayRenameASlug() {
            create(alice, "alice-named", false);
            assertError(server.send("PATCH", "/api/v1/personalities/alice-named", alice, "{\"slug\":\"alice-renamed\"}"),
                    403, "forbidden", null);
            ok(server.send("PATCH", "/api/v1/personalities/alice-named", owner, "{\"slug\":\"alice-renamed\"}"), 200);
            ok(server.send("GET", "/api/v1/personalities/alice-renamed", alice, null), 200);
            assertError(server.send("GET", "/api/v1/personalities/alice-named", alice, null), 404, "not_found", null);
        }

        @Test
        void theOwnerDeletesAndTheNameIsGone() {
            create(alice, "alice-gone", false);
            ok(server.send("DELETE", "/api/v1/personalities/alice-gone", alice, null), 204);
            assertError(server.send("GET", "/api/v1/personalities/alice-gone", alice, null), 404, "not_found", null);
        }
    }

    @Nested
    class Changes {
        @Test
        void patchKeepsAbsentFieldsAndClearsWithNullOrEmpty() {
            create(alice, "alice-patch", false);
            ok(server.send("PATCH", "/api/v1/personalities/alice-patch", alice, "{\"tone\":\"warm\",\"age\":\"30\"}"), 200);
            JsonNode after = ok(server.send("PATCH", "/api/v1/personalities/alice-patch", alice,
                    "{\"tone\":null,\"age\":\"\",\"likes\":\"tea\"}"), 200).get("personality");
            assertThat(after.get("tone").isNull()).isTrue();
            assertThat(after.get("age").isNull()).isTrue();
            assertThat(after.get("likes").asText()).isEqualTo("tea");
            assertThat(after.get("characterInfo").asText()).isEqualTo("A test character.");
        }

        @Test
        void aliasesAreAddedListedAndRemoved() {
            create(alice, "alice-alias", false);
            JsonNode added = ok(server.send("POST", "/api/v1/personalities/alice-alias/aliases", alice, "{\"alias\":\"Ally\"}"), 201);
            assertThat(added.get("aliases").toString()).contains("ally");
            create(bob, "bob-alias", false);
            assertError(server.send("POST", "/api/v1/personalities/bob-alias/aliases", bob, "{\"alias\":\"ally\"}"),
                    409, "conflict", "alias");
            assertError(server.send("DELETE", "/api/v1/personalities/alice-alias/aliases/nobody", alice, null), 404, "not_found", null);
            ok(server.send("DELETE", "/api/v1/personalities/alice-alias/aliases/ally", alice, null), 204);
            assertThat(ok(server.send("GET", "/api/v1/personalities/alice-alias", alice, null), 200)
                    .at("/personality/aliases").size()).isZero();
        }
    }

    @Nested
    class BadInput {
        @Test
        void missingRequiredFieldsNameTheField() {
            assertError(server.send("POST", "/api/v1/personalities", alice,
                    "{\"slug\":\"no-name\",\"characterInfo\":\"x\",\"personalityTraits\":\"y\"}"), 400, "bad_request", "name");
            assertError(server.send("POST", "/api/v1/personalities", alice,
                    "{\"name\":\"n\",\"slug\":\"no-info\",\"personalityTraits\":\"y\"}"), 400, "bad_request", "characterInfo");
            assertError(server.send("POST", "/api/v1/personalities", alice,
                    "{\"name\":\"n\",\"characterInfo\":\"x\",\"personalityTraits\":\"y\"}"), 400, "bad_request", "slug");
            assertError(server.send("POST", "/api/v1/personalities", alice,
                    "{\"name\":\"n\",\"slug\":\"Bad Slug\",\"characterInfo\":\"x\",\"personalityTraits\":\"y\"}"),
                    400, "bad_request", "slug");
            assertError(server.send("POST", "/api/v1/personalities", alice,
                    "{\"name\":\"n\",\"slug\":\"admin\",\"characterInfo\":\"x\",\"personalityTraits\":\"y\"}"),
                    400, "bad_request", "slug");
            assertError(server.send("POST", "/api/v1/personalities", alice, "{\"nmae\":\"typo\"}"), 400, "bad_request", "nmae");
        }

        @Test
        void oversizeTextIsRefusedAndNothingIsStored() {
            assertError(server.send("POST", "/api/v1/personalities", alice, "{\"name\":\"n\",\"slug\":\"too-long\","
                    + "\"characterInfo\":\"" + "x".repeat(4001) + "\",\"personalityTraits\":\"y\"}"),
                    400, "bad_request", "characterInfo");
            assertError(server.send("GET", "/api/v1/personalities/too-long", alice, null), 404, "not_found", null);
            create(alice, "alice-limits", false);
            assertError(server.send("PATCH", "/api/v1/personalities/alice-limits", alice, "{\"age\":\"" + "9".repeat(101) + "\"}"),
                    400, "bad_request", "age");
            assertError(server.send("PATCH", "/api/v1/personalities/alice-limits", alice, "{\"name\":null}"),
                    400, "bad_request", "name");
        }

        @Test
        void aDuplicateSlugIs409() {
            create(alice, "taken-slug", false);
            assertError(server.send("POST", "/api/v1/personalities", bob, "{\"name\":\"n\",\"slug\":\"taken-slug\","
                    + "\"characterInfo\":\"x\",\"personalityTraits\":\"y\"}"), 409, "conflict", "slug");
        }

        @Test
        void unknownSlugsAre404() {
            assertError(server.send("GET", "/api/v1/personalities/nobody-here", alice, null), 404, "not_found", null);
            assertError(server.putBytes("/api/v1/personalities/nobody-here/avatar", alice, new byte[] {1}), 404, "not_found", null);
        }
    }

    @Nested
    class Avatars {
        @Test
        void aLargePngIsResizedTo512AndServedPubliclyForPublicCharacters() throws Exception {
            create(alice, "alice-face", true);
            JsonNode stored = ok(server.putBytes("/api/v1/personalities/alice-face/avatar", alice, png(1024, 768)), 200);
            assertThat(stored.get("mediaType").asText()).isEqualTo("image/png");
            HttpResponse<byte[]> served = server.getBytes("/avatars/alice-face.png", null);
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(served.body()));
            assertThat(image.getWidth()).isEqualTo(512);
            assertThat(image.getHeight()).isEqualTo(384);
            assertThat(ok(server.send("GET", "/api/v1/personalities/alice-face", alice, null), 200)
                    .at("/personality/hasAvatar").asBoolean()).isTrue();
        }

        @Test
        void aPrivateCharactersAvatarIsOnlyServedToThoseWhoMaySeeIt() throws Exception {
            create(alice, "alice-secret-face", false);
            ok(server.putBytes("/api/v1/personalities/alice-secret-face/avatar", alice, png(10, 10)), 200);
            assertThat(server.getBytes("/avatars/alice-secret-face.png", null).statusCode()).isEqualTo(404);
            assertThat(server.getBytes("/avatars/alice-secret-face.png", bob).statusCode()).isEqualTo(404);
            assertThat(server.getBytes("/avatars/alice-secret-face.png", alice).statusCode()).isEqualTo(200);
            assertError(server.putBytes("/api/v1/personalities/alice-secret-face/avatar", bob, png(10, 10)), 404, "not_found", null);
        }

        @Test
        void aFileThatOnlyStartsLikeAPngIsRefusedAndTheOldAvatarStays() throws Exception {
            create(alice, "alice-fake-png", false);
            byte[] original = png(20, 20);
            ok(server.putBytes("/api/v1/personalities/alice-fake-png/avatar", alice, original), 200);
            byte[] before = server.getBytes("/avatars/alice-fake-png.png", alice).body();
            byte[] fake = new byte[200];
            System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 0, fake, 0, 8);
            assertError(server.putBytes("/api/v1/personalities/alice-fake-png/avatar", alice, fake), 400, "bad_request", "avatar");
            assertError(server.putBytes("/api/v1/personalities/alice-fake-png/avatar", alice, "<svg/>".getBytes()),
                    400, "bad_request", "avatar");
            assertThat(server.getBytes("/avatars/alice-fake-png.png", alice).body()).isEqualTo(before);
        }

        @Test
        void overEightMegabytesIs413() {
            create(alice, "alice-huge", false);
            byte[] huge = new byte[8 * 1024 * 1024 + 1];
            huge[0] = (byte) 0xFF;
            huge[1] = (byte) 0xD8;
            huge[2] = (byte) 0xFF;
            assertError(server.putBytes("/api/v1/personalities/alice-huge/avatar", alice, huge), 413, "payload_too_large", "avatar");
        }

        @Test
        void webpIsStoredAsUploadedAndServedAsWebp() {
            create(alice, "alice-webp", true);
            byte[] webp = AvatarImagesTest.WEBP_1X1;
            assertThat(ok(server.putBytes("/api/v1/personalities/alice-webp/avatar", alice, webp), 200)
                    .get("mediaType").asText()).isEqualTo("image/webp");
            HttpResponse<byte[]> served = server.getBytes("/avatars/alice-webp.png", null);
            assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("image/webp");
            assertThat(served.body()).isEqualTo(webp);
            // a WebP header followed by something else (here a page) is refused, and the stored avatar stays
            byte[] html = AvatarImagesTest.riffWebpThen("<html><script>alert(1)</script></html>");
            assertError(server.putBytes("/api/v1/personalities/alice-webp/avatar", alice, html), 400, "bad_request", "avatar");
            assertThat(server.getBytes("/avatars/alice-webp.png", null).body()).isEqualTo(webp);
            ok(server.send("DELETE", "/api/v1/personalities/alice-webp/avatar", alice, null), 204);
            assertThat(server.getBytes("/avatars/alice-webp.png", null).statusCode()).isEqualTo(404);
        }
    }
}
