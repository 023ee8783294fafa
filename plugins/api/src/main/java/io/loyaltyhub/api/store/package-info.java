/** The retailer's stores, as other plugins look them up (the stores plugin keeps them). */
package io.loyaltyhub.api.store;
