package io.tzurot.app;

/** Entry point placeholder until the CLI lands. */
public final class TzurotMain {
    private TzurotMain() {
    }

    public static void main(String[] args) {
        System.out.println("tzurot");
    }
}
