package io.tzurot.web.console;

/** One entry of the console's navigation; sections whose pages are not installed are shown but not linked. */
public record NavItem(String label, String href, boolean available, boolean current) {
}
