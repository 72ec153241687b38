package org.asicscm.assembly.entity;

/** Sub-districts of Bao'an, Shenzhen, where the contract assembly factories are. */
public enum SubDistrict {
    XIXIANG, FUYONG, SHAJING, SONGGANG, XINQIAO, SHIYAN, XIN_AN, HANGCHENG, FUHAI, YANLUO
}
