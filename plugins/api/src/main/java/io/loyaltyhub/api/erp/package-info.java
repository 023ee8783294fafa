/**
 * ERP connectors: a connector type (a plugin's {@link io.loyaltyhub.api.erp.ErpConnector}) reads rows from the
 * retailer's ERP; the host keeps the instances, their cursors, runs and rejects, maps rows to bills
 * ({@link io.loyaltyhub.api.erp.Mapping}) and posts them through the loyalty service. {@link
 * io.loyaltyhub.api.erp.ErpConnectors} is what the admin UI and the REST API call.
 */
package io.loyaltyhub.api.erp;
