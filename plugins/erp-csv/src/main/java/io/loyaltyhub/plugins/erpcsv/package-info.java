/**
 * The {@code csv} ERP connector: bills read from CSV files that an ERP drops into a folder (or that staff upload
 * from the admin UI, which the host writes into the same folder with a {@code .done} marker).
 *
 * <p>An instance watches one inbox folder. A file is read once it has settled (its size and modification time have
 * not changed for {@code settle-seconds}) or at once when a marker {@code <file>.done} sits next to it. Files are read
 * oldest first; consecutive records with the same bill number form one bill with its lines. After the host has
 * stored the rows of a whole file, the file (and its marker) is moved to the done folder; rows the host could not
 * post are written, with the reason, to {@code <rejects-folder>/<file>.rejects.csv}.
 */
package io.loyaltyhub.plugins.erpcsv;
