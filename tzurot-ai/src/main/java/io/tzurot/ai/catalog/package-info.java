/** What an OpenAI-compatible provider says about its models (image input, for the vision model choice). */
package io.tzurot.ai.catalog;
