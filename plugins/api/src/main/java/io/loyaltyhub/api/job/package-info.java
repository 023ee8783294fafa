/** Scheduled jobs: each due run happens once across all server instances sharing the database. */
package io.loyaltyhub.api.job;
