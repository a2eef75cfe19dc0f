/** Token counting with jtokkit's cl100k_base for prompt budgets. */
package io.tzurot.ai.token;
