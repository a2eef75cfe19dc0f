/**
 * The executable: the picocli command line, configuration from the environment, and the one place
 * where every module is wired together into the requested roles.
 */
package io.tzurot.app;
