package dev.rounds.notify;

/** One attempt to deliver did not reach its channel; the message says why without naming secrets such as URLs. */
class DeliveryFailed extends Exception {

    DeliveryFailed(String message) {
        super(message);
    }
}
