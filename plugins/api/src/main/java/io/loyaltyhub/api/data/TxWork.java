package io.loyaltyhub.api.data;

/** Work done inside a transaction; throwing rolls it back. */
@FunctionalInterface
public interface TxWork<T> {
    T run(Tx tx) throws Exception;
}
