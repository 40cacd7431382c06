import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildRequestContext } from '../../common/request-context';
import { AuthUser, CurrentUser } from '../auth/current-user.decorator';
import { parseIfMatch, setETag } from '../../common/if-match';
import { CreateLetterDto, LetterDto, UpdateLetterDto } from './dto/letter.dto';
import { LettersService } from './letters.service';

@ApiTags('letters')
@Controller('cases/:id/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @Get()
  @ApiOkResponse({ type: [LetterDto] })
  list(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<LetterDto[]> {
    return this.letters.list(id, buildRequestContext(req, user));
  }

  @Post()
  @ApiCreatedResponse({ type: LetterDto, description: 'A new draft, filled from the case' })
  create(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateLetterDto,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<LetterDto> {
    return this.letters.create(id, dto, buildRequestContext(req, user));
  }

  @Get(':letterId')
  @ApiOkResponse({ type: LetterDto })
  async get(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LetterDto> {
    const letter = await this.letters.get(id, letterId, buildRequestContext(req, user));
    setETag(res, letter.revision);
    return letter;
  }

  @Patch(':letterId')
  @ApiHeader({
    name: 'If-Match',
    required: true,
    description: "The letter's revision being edited (from GET or its ETag)",
  })
  @ApiOkResponse({ type: LetterDto, description: 'Drafts only: a signed letter is frozen (409)' })
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @Body() dto: UpdateLetterDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LetterDto> {
    const letter = await this.letters.update(id, letterId, dto, parseIfMatch(ifMatch), buildRequestContext(req, user));
    setETag(res, letter.revision);
    return letter;
  }

  @Post(':letterId/sign')
  @ApiCreatedResponse({ type: LetterDto, description: 'Signs and freezes the draft; physicians only' })
  sign(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('letterId', ParseUUIDPipe) letterId: string,
    @CurrentUser() user: AuthUser,
    @Req() req: FastifyRequest,
  ): Promise<LetterDto> {
    return this.letters.sign(id, letterId, buildRequestContext(req, user));
  }
}
