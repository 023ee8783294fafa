/**
 * The retailer's stores (outlets): code, name, city and time zone. Bills name the store they
 * were made in; birthday runs and daily jobs use its time zone.
 */
package io.loyaltyhub.plugins.stores;
