/**
 * Long-term memory over HTTP and Console → Memories: {@code GET /api/v1/memories?personality&persona&offset&limit},
 * {@code POST /api/v1/memories/search {query ≤ 500, personality?, persona?, limit 1-50}},
 * {@code PATCH /api/v1/memories/{id} {content ≤ 2000}} (re-embedded), {@code DELETE /api/v1/memories/{id}} and
 * {@code DELETE /api/v1/memories?personality=SLUG} (purge; locked memories stay). Only a persona's owner reaches
 * its memories; others get 404.
 */
package io.tzurot.web.memory;
