package io.tzurot.core.lorebook.activation;

import io.tzurot.core.lorebook.LorebookEntry;
import java.util.List;
import java.util.Objects;

/**
 * What an entry is on its own, whatever the scan's settings: its key in the channel's timed effects, its parsed
 * decorators and keys, and the hash that tells an edited entry from the one a timed effect began with.
 */
record ParsedEntry(String key, Decorators decorators, List<ScanKey> keys, List<ScanKey> secondaryKeys,
                   List<List<ScanKey>> additionalKeys, List<ScanKey> excludeKeys, int hash) {

    static ParsedEntry of(String bookId, int index, LorebookEntry e) {
        Decorators deco = Decorators.parse(e.content());
        return new ParsedEntry(bookId + "/" + (e.entryId() != null ? e.entryId() : "#" + index), deco,
                ScanKey.all(e.keys()), ScanKey.all(e.secondaryKeys()),
                deco.additionalKeys().stream().map(ScanKey::all).toList(), ScanKey.all(deco.excludeKeys()),
                Objects.hash(e.content(), e.keys(), e.secondaryKeys()));
    }
}
