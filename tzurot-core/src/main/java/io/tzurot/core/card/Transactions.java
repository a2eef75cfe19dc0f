package io.tzurot.core.card;

import java.util.function.Supplier;

/** Port: runs work so that every repository write in it commits together or not at all. */
@FunctionalInterface
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);
}
