/* A tiny boot sector for ucrun's `disk` guest tests. SeaBIOS loads it at 0x7c00 in real mode.
 * It prints a line on COM1, reports the exit code stored in the byte `exit_code` (offset 509,
 * patched by tests with dd) as "exit=N" on COM2, then writes N to isa-debug-exit (0xf4).
 * Assembled with `as --32` and linked with `ld -m elf_i386 --oformat binary -Ttext 0x7c00`. */
    .code16
    .text
    .globl _start
_start:
    cli
    xor %ax, %ax
    mov %ax, %ds
    mov %ax, %ss
    mov $0x7c00, %sp
    mov $0x3f8, %bx
    call uart_init
    mov $0x2f8, %bx
    call uart_init
    mov $0x3f8, %bx
    mov $hello, %si
    call print
    mov $0x2f8, %bx
    mov $exitmsg, %si
    call print
    xor %ax, %ax
    movb exit_code, %al
    aam                      /* ah = al / 10, al = al % 10 (codes 0..99) */
    test %ah, %ah
    jz 1f
    push %ax
    mov %ah, %al
    add $'0', %al
    call putc
    pop %ax
1:  add $'0', %al
    call putc
    mov $'\n', %al
    call putc
    movb exit_code, %al
    mov $0xf4, %dx
    outb %al, %dx
2:  hlt
    jmp 2b

/* bx = base port */
uart_init:
    lea 1(%bx), %dx
    xor %al, %al
    outb %al, %dx
    lea 3(%bx), %dx
    mov $0x80, %al
    outb %al, %dx
    mov %bx, %dx
    mov $1, %al
    outb %al, %dx
    lea 1(%bx), %dx
    xor %al, %al
    outb %al, %dx
    lea 3(%bx), %dx
    mov $3, %al
    outb %al, %dx
    ret

/* al = char, bx = base port */
putc:
    push %ax
    lea 5(%bx), %dx
3:  inb %dx, %al
    test $0x20, %al
    jz 3b
    pop %ax
    mov %bx, %dx
    outb %al, %dx
    ret

/* si = NUL-terminated string, bx = base port */
print:
    lodsb
    test %al, %al
    jz 4f
    call putc
    jmp print
4:  ret

hello:
    .asciz "hello from the ucrun boot sector test disk\r\n"
exitmsg:
    .asciz "exit="

    .org 509
exit_code:
    .byte 3
    .byte 0x55, 0xaa
