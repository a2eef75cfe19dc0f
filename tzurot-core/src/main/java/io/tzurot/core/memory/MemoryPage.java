package io.tzurot.core.memory;

import java.util.List;

/** One page of a memory listing and the total number of rows the listing has. */
public record MemoryPage(List<Memory> items, long total, int offset, int limit) {

    public MemoryPage {
        items = List.copyOf(items);
    }

    /** True when rows follow this page. */
    public boolean hasMore() {
        return offset + items.size() < total;
    }
}
