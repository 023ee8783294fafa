/** Small services the host offers every plugin, such as phone-number normalisation. */
package io.loyaltyhub.api.common;
