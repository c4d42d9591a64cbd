package cn.gov.eqq.govinfo.localinfra.keycloak;

/** Keycloak could not be started; the message says why and, once the process ran, names its log file. */
public class KeycloakStartException extends RuntimeException {

    public KeycloakStartException(String message) {
        super(message);
    }

    public KeycloakStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
