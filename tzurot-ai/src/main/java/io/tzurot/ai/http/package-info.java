/** Shared pieces of the JDK HTTP clients the model adapters use. */
package io.tzurot.ai.http;
