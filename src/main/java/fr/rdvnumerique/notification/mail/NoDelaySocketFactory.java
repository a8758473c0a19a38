package fr.rdvnumerique.notification.mail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets with {@code TCP_NODELAY}. SMTP is a conversation of small writes each waiting for a reply;
 * with Nagle's algorithm on, the end of each message ("CRLF.CRLF") waits for the acknowledgement of the
 * previous packet, which the server delays by ~40 ms: measured here, 20 messages a second instead of 300
 * on one connection.
 */
final class NoDelaySocketFactory extends SocketFactory {

    private static Socket tuned(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return tuned(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return tuned(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return tuned(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return tuned(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        return tuned(new Socket(address, port, localAddress, localPort));
    }
}
