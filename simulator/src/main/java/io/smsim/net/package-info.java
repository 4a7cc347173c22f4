/**
 * Which Netty transport the servers and clients run on ({@link io.smsim.net.NettyTransport}): the
 * native epoll transport on Linux when its library loads, else the JDK's NIO.
 */
package io.smsim.net;
