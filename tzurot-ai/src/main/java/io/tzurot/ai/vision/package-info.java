/** Image descriptions through a vision-capable chat model. */
package io.tzurot.ai.vision;
